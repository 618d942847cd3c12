package io.fissile.router.routes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlashFreeRegexTest {

    @ParameterizedTest
    @ValueSource(strings = {"[0-9]+", "\\d+", "\\d{4}-\\d{2}", "[a-z-]+", "[^/]+", "[^a/]*", "\\w+\\.json", "(?:en|de)", "red|green", "[A-Za-z0-9_]{1,8}"})
    void regexesThatNeverMatchASlashStayInOneSegment(String regex) {
        assertThat(SlashFreeRegex.test(regex)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", ".+", "a/b", "\\d+/\\d+", "[^a]+", "[!-~]+", "\\D+", "\\S+", "[\\W]", "(?i)abc", "(?=x)x", "\\p{Alpha}", "[a-z&&[^b]]", "\\x2F"})
    void regexesThatMightMatchASlashSpanSegments(String regex) {
        assertThat(SlashFreeRegex.test(regex)).isFalse();
    }
}
