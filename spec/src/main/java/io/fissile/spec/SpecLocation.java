package io.fissile.spec;

/**
 * Where an object of a spec directory was written: the file (as the user named the directory),
 * the document within it (from 1) and the line that document starts at.
 *
 * @param file     the file, e.g. {@code specs/function-hello.yaml}
 * @param document the document number within the file, from 1; 0 for the file as a whole
 * @param line     the line the document starts at, from 1; 0 for the file as a whole
 */
public record SpecLocation(String file, int document, int line) {

    /** The file as a whole, for problems that concern no single document. */
    public static SpecLocation file(String file) {
        return new SpecLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        return document <= 0 ? file : file + ", document " + document + " (line " + line + ")";
    }
}
