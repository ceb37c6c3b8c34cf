package dev.kirana.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class EntityTagsTest {
    @Test
    void strongTagsNameVersions() {
        assertThat(EntityTags.expectedVersion("\"7\"", true)).isEqualTo(7L);
        assertThat(EntityTags.expectedVersion("12", true)).isEqualTo(12L);
        assertThat(EntityTags.expectedVersion("*", true)).isNull();
        assertThat(EntityTags.expectedVersion(null, false)).isNull();
    }

    @Test
    void missingOrWeakTagsAreRefused() {
        assertThatThrownBy(() -> EntityTags.expectedVersion(null, true)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(428));
        assertThatThrownBy(() -> EntityTags.expectedVersion("W/\"7\"", true)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(412));
    }
}
