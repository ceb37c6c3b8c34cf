package dev.kirana.localstack;

/**
 * A process the stack started, as recorded in the state file so that {@code status} and
 * {@code down} can find it from another JVM.
 *
 * @param name        {@code postgres}, {@code kafka} or a service name
 * @param pid         operating-system process id
 * @param startMillis the process start time (epoch millis) as the OS reported it, or 0 if unknown;
 *                    used to tell the process apart from a later one that reuses the PID
 * @param marker      text the process's command line contains, or empty; a second guard against PID reuse
 * @param port        the port it serves on
 */
public record ProcessRecord(String name, long pid, long startMillis, String marker, int port) {

    public ProcessRecord {
        marker = marker == null ? "" : marker;
    }

    /** Whether this is one of the services (as opposed to PostgreSQL or Kafka). */
    public boolean isService() {
        return ServiceDef.find(name).filter(s -> s.name().equals(name)).isPresent();
    }
}
