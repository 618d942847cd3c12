package io.fissile.router.routes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathTemplateTest {

    @Test
    void namesParametersInOrderAcrossSegmentsAndTail() {
        PathTemplate template = PathTemplate.parse("/a/{x}/b-{y:[0-9]+}/{rest:.*}", RouteKind.EXACT);

        assertThat(template.parameterNames()).containsExactly("x", "y", "rest");
    }

    @Test
    void aMissingLeadingSlashIsAdded() {
        RouteTable table = RouteTable.of(java.util.List.of(Route.of(PathTemplate.parse("hello", RouteKind.EXACT), null, null,
                false, new SingleFunction(Resources.function("f")), RouteOrder.of(null, "default", "t"), "test")));

        assertThat(table.find("GET", null, "/hello").found()).isTrue();
    }

    @Test
    void malformedTemplatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id", RouteKind.EXACT)).hasMessageContaining("'{' without its '}'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/id}", RouteKind.EXACT)).hasMessageContaining("'}' without its '{'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{:x}", RouteKind.EXACT)).hasMessageContaining("without a name");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id:[0-9}", RouteKind.EXACT)).hasMessageContaining("regex is invalid");
    }
}
