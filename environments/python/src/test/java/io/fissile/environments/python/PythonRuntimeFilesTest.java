package io.fissile.environments.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeFiles;
import org.junit.jupiter.api.Test;

class PythonRuntimeFilesTest {
    @Test
    void theIndexListsEveryFileTheRuntimeIsMadeOf() {
        assertThat(RuntimeFiles.list(PythonRuntime.RESOURCES))
                .containsExactlyInAnyOrderElementsOf(RuntimeFiles.filesInDirectory(PythonRuntime.RESOURCES))
                .contains("server.py", "standin/flask/__init__.py");
    }
}
