package io.fissile.environments.nodejs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeFiles;
import org.junit.jupiter.api.Test;

class NodejsRuntimeFilesTest {
    @Test
    void theIndexListsEveryFileTheRuntimeIsMadeOf() {
        assertThat(RuntimeFiles.list(NodeRuntime.RESOURCES))
                .containsExactlyInAnyOrderElementsOf(RuntimeFiles.filesInDirectory(NodeRuntime.RESOURCES))
                .contains("server.js");
    }
}
