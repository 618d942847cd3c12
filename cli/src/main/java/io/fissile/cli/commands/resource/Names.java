package io.fissile.cli.commands.resource;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** Names the CLI makes up where Fission's CLI makes them up. */
public final class Names {
    private static final int MAX_LENGTH = 63;
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {
    }

    /** A new unique name for an object the user did not name (a UUID, as Fission uses). */
    public static String generated() {
        return UUID.randomUUID().toString();
    }

    /** The package {@code fn create --code} makes: the function's name and a short unique suffix, within 63 characters. */
    public static String packageFor(String functionName) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String base = functionName.length() + 1 + suffix.length() > MAX_LENGTH
                ? functionName.substring(0, MAX_LENGTH - 1 - suffix.length()) : functionName;
        return base + "-" + suffix;
    }

    /** A package named after its first file ({@code hello.js} becomes {@code hello-js-x7k2}), as Fission names one. */
    public static String packageForFile(String fileName) {
        String base = kubify(fileName);
        String suffix = random(4).toLowerCase(Locale.ROOT);
        if (base.length() + 1 + suffix.length() > MAX_LENGTH) base = base.substring(0, MAX_LENGTH - 1 - suffix.length());
        return base + "-" + suffix;
    }

    /** The name of an ArchiveUploadSpec for files: the first file's name and four random letters or digits. */
    public static String archiveFor(String firstFile) {
        return kubify(firstFile) + "-" + random(4);
    }

    /** Lower case, other characters turned into '-', starting with a letter, at most 63 characters. */
    public static String kubify(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^-a-z0-9]", "-")
                .replaceAll("^[^a-z]+", "")
                .replaceAll("[^a-z0-9]+$", "");
        if (name.length() > MAX_LENGTH) name = name.substring(0, MAX_LENGTH).replaceAll("[^a-z0-9]+$", "");
        return name.isEmpty() ? "default" : name;
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(LETTERS_AND_DIGITS.charAt(RANDOM.nextInt(LETTERS_AND_DIGITS.length())));
        return sb.toString();
    }
}
