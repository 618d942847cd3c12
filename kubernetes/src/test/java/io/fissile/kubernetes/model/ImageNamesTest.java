package io.fissile.kubernetes.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNamesTest {

    @Test
    void fissionAndFissileImagesMapToFissilesRuntimeImages() {
        ImageNames images = new ImageNames("fissile", "0.1.0");
        assertThat(images.forEnvironment("fission/node-env:1.32")).isEqualTo("fissile/fissile-env-nodejs:0.1.0");
        assertThat(images.forEnvironment("ghcr.io/fission/python-env")).isEqualTo("fissile/fissile-env-python:0.1.0");
        assertThat(images.forEnvironment("fission/jvm-env-17")).isEqualTo("fissile/fissile-env-jvm:0.1.0");
        assertThat(images.forEnvironment("fissile/binary")).isEqualTo("fissile/fissile-env-binary:0.1.0");
        assertThat(images.platform()).isEqualTo("fissile/fissile:0.1.0");
    }

    @Test
    void anImageFissileDoesNotKnowRunsAsWritten() {
        assertThat(new ImageNames("fissile", "0.1.0").forEnvironment("example.com/me/ruby-env:3"))
                .isEqualTo("example.com/me/ruby-env:3");
    }

    @Test
    void theDefaultsAreTheFissilePrefixAndThisBuildsVersion() {
        ImageNames defaults = ImageNames.defaults();
        assertThat(defaults.prefix()).isEqualTo("fissile");
        assertThat(defaults.version()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("$");
        assertThat(new ImageNames("my.registry/team/", "2").platform()).isEqualTo("my.registry/team/fissile:2");
    }

    @Test
    void anEmptyPrefixIsRefused() {
        assertThatThrownBy(() -> new ImageNames(" ", "1")).hasMessageContaining("prefix");
    }
}
