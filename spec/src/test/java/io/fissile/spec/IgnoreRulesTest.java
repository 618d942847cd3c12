package io.fissile.spec;

import io.fissile.spec.internal.IgnoreRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** .specignore follows .gitignore: names anywhere, anchored paths, directories, negation. */
class IgnoreRulesTest {
    private final IgnoreRules rules = IgnoreRules.parse(List.of(
            "# comment",
            "",
            "*-draft.yaml",
            "/local.yaml",
            "old/",
            "!old/keep.yaml"));

    @Test
    void aPatternWithoutSlashMatchesAtAnyDepth() {
        assertThat(rules.ignores("route-draft.yaml")).isTrue();
        assertThat(rules.ignores("nested/fn-draft.yaml")).isTrue();
        assertThat(rules.ignores("route.yaml")).isFalse();
    }

    @Test
    void aLeadingSlashAnchorsAtTheSpecDirectory() {
        assertThat(rules.ignores("local.yaml")).isTrue();
        assertThat(rules.ignores("nested/local.yaml")).isFalse();
    }

    @Test
    void aTrailingSlashIgnoresADirectoryAndALaterNegationTakesAFileBack() {
        assertThat(rules.ignores("old/route.yaml")).isTrue();
        assertThat(rules.ignores("old/deeper/route.yaml")).isTrue();
        assertThat(rules.ignores("old/keep.yaml")).isFalse();
        assertThat(rules.ignores("old.yaml")).isFalse();
    }
}
