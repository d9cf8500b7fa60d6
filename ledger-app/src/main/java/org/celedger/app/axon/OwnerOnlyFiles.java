package org.celedger.app.axon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds every fact and the API keys' hashes: on POSIX systems it is made readable by its
 * owner only, the directory 0700 and its files 0600. H2 creates its files with the process's umask (0644 by
 * default), so they are narrowed after it has opened them; the 0700 directory already keeps others out of any
 * file it creates later (a trace file), and the next start narrows that file too.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} if missing (0700 from the start), and narrows it if it exists. */
    static void directory(Path dir) {
        try {
            if (!posix()) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or restrict the data directory " + dir, e);
        }
    }

    /** Narrows every file under {@code dir} to 0600 and every directory to 0700. */
    static void narrow(Path dir) {
        if (!posix() || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of the data directory " + dir, e);
        }
    }
}
