package io.fissile.kubernetes.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template subset renders as Helm would, and refuses what it does not know rather than guess. */
class TemplateEngineTest {

    private static final Map<String, Object> ROOT = Map.of(
            "Values", Map.of("image", Map.of("prefix", "acme", "tag", ""), "port", 8888, "claim", "data"),
            "Release", Map.of("Namespace", "fissile"),
            "Chart", Map.of("AppVersion", "0.1.0"));

    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void valuesDefaultsAndQuotes() {
        assertThat(engine.render("t.yaml", "image: {{ .Values.image.prefix }}/x:{{ .Values.image.tag | default .Chart.AppVersion }}", ROOT))
                .isEqualTo("image: acme/x:0.1.0");
        assertThat(engine.render("t.yaml", "port: {{ .Values.port | quote }} ns: {{ .Release.Namespace }}", ROOT))
                .isEqualTo("port: \"8888\" ns: fissile");
    }

    @Test
    void trimMarkersEatTheWhitespaceOnTheirSide() {
        assertThat(engine.render("t.yaml", "a:\n  {{- \" b\" }}\nc: {{ \"d\" -}}  \n  e", ROOT)).isEqualTo("a: b\nc: de");
    }

    @Test
    void ifElseAndIncludedDefinitions() {
        engine.addDefinitions("_helpers.tpl", "{{/* shared */}}\n{{- define \"volume\" }}\n{{- if .Values.claim }}\nclaim: {{ .Values.claim }}\n{{- else }}\nemptyDir: {}\n{{- end }}\n{{- end }}\n");

        assertThat(engine.render("t.yaml", "volume:{{- include \"volume\" . }}\nnext: 1", ROOT)).isEqualTo("volume:\nclaim: data\nnext: 1");
        assertThat(engine.render("t.yaml", "{{ if .Values.image.tag }}tagged{{ else }}untagged{{ end }}", ROOT)).isEqualTo("untagged");
    }

    @Test
    void aMissingValueOrUnknownFunctionFailsNamingFileAndLine() {
        assertThatThrownBy(() -> engine.render("deployment.yaml", "a: 1\nb: {{ .Values.image.missing }}", ROOT))
                .hasMessage("deployment.yaml:2: {{ .Values.image.missing }} has no value");
        assertThatThrownBy(() -> engine.render("svc.yaml", "{{ .Values.port | toYaml }}", ROOT))
                .hasMessageContaining("svc.yaml:1: unsupported function \"toYaml\"");
        assertThatThrownBy(() -> engine.render("svc.yaml", "{{ range .Values.image }}x{{ end }}", ROOT))
                .hasMessageContaining("svc.yaml:1: unsupported action {{ range .Values.image }}");
        assertThatThrownBy(() -> engine.render("svc.yaml", "{{ if .Values.port }}x", ROOT))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> engine.render("svc.yaml", "{{ include \"nothing\" . }}", ROOT))
                .hasMessageContaining("no template named \"nothing\"");
    }
}
