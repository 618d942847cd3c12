package io.fissile.environments.jvm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void formatsImfFixdateLikeTheJdkDoes() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
        for (long second : new long[] {0, 951_782_400L, 1_709_251_199L, 4_102_444_800L, 1_234_567_890L}) {
            String expected = reference.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(second), ZoneOffset.UTC));
            assertThat(HttpDate.format(second)).isEqualTo(expected);
        }
        assertThat(HttpDate.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
