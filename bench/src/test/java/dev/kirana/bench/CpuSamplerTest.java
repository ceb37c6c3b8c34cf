package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuSamplerTest {

    @Test
    void parsesAStatLineWhoseCommandNameHasSpacesAndParentheses() {
        String line = "4242 (java (kirana) x) S 17 4242 4242 0 -1 4194560 1234 0 0 0 731 129 12 3 20 0 57 0 "
                + "12345 9616028 112650 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        CpuSampler.Stat s = CpuSampler.parseStat(line);
        assertThat(s.ppid()).isEqualTo(17);
        assertThat(s.utime()).isEqualTo(731);
        assertThat(s.stime()).isEqualTo(129);
        assertThat(s.cutime()).isEqualTo(12);
        assertThat(s.cstime()).isEqualTo(3);
        assertThat(s.own()).isEqualTo(860);
    }

    @Test
    void machineBusyIsEverythingButIdleAndIowait() {
        long[] m = CpuSampler.parseMachine("cpu  100 5 50 800 20 3 2 10 0 0");
        assertThat(m[1]).isEqualTo(990);
        assertThat(m[0]).isEqualTo(990 - 800 - 20);
    }

    @Test
    void readsThisProcess() {
        CpuSampler sampler = new CpuSampler(java.util.Map::of);
        if (!sampler.available()) {
            return; // not Linux
        }
        CpuSampler.Snapshot a = sampler.sample();
        long x = 0;
        for (long i = 0; i < 200_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        CpuSampler.Snapshot b = sampler.sample();
        assertThat(x).isNotZero();
        assertThat(sampler.delta(a, b)).containsKeys(CpuSampler.BENCH, CpuSampler.MACHINE, CpuSampler.OTHER);
        assertThat(sampler.delta(a, b).get(CpuSampler.BENCH).cpuSeconds()).isGreaterThan(0);
    }
}
