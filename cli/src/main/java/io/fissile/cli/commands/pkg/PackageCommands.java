package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** {@code fissile package} (alias {@code pkg}). */
public final class PackageCommands {
    public static final ResourceType<Package> TYPE = new ResourceType<>(Kinds.PACKAGE, "package", "packages", "package",
            List.of(Column.of("NAME", Package::name),
                    Column.of("BUILD_STATUS", p -> p.status() == null ? null : p.status().buildstatus()),
                    Column.of("ENV", p -> p.spec().environment() == null ? null : p.spec().environment().name()),
                    Column.of("LASTUPDATEDAT", p -> p.status() == null ? null : rfc822(p.status().lastUpdateTimestamp())),
                    Column.of("NAMESPACE", Package::namespace)));

    /** Which flag sets which field of a package. */
    public static final FieldFlags FIELDS = FieldFlags.of(
            "spec.environment", "--env",
            "spec.deployment", "--deploy",
            "spec.source", "--src",
            "spec.buildcmd", "--buildcmd");

    // Fission's tables show times as Go's RFC822 layout: 02 Jan 06 15:04 MST.
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("dd MMM yy HH:mm z", Locale.ENGLISH);

    private PackageCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("package", new String[]{"pkg"}, "Create, update and manage packages",
                new PackageCreate(),
                GetResource.command(TYPE),
                PackageArchiveGet.command(PackageArchiveGet.Side.SOURCE),
                PackageArchiveGet.command(PackageArchiveGet.Side.DEPLOYMENT),
                new PackageUpdate(),
                new PackageRebuild(),
                new PackageDelete(),
                new PackageList(),
                new PackageInfo());
    }

    private static String rfc822(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) return null;
        try {
            return RFC822.format(OffsetDateTime.parse(timestamp).atZoneSameInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
