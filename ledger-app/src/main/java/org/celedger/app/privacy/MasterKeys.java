package org.celedger.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two keys that live outside the event store (API.md "Personal data"): one wraps each practitioner's
 * personal-data key, the other keys the hash that finds a resident ID number. They are kept in one file,
 * readable by its owner only: on the embedded default {@code personal-data.key} in the data directory, in
 * production wherever {@code ledger.personal-data.key-file} says (every node of a shared store reads the same).
 * Whoever holds the event store without this file holds no name, ID number or birth date.
 */
public final class MasterKeys {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = "ce-ledger personal-data keys v1";

    private final SecretKey wrapping;
    private final SecretKey indexing;
    private final String fingerprint;

    private MasterKeys(byte[] material) {
        this.wrapping = new SecretKeySpec(Arrays.copyOfRange(material, 0, 32), "AES");
        this.indexing = new SecretKeySpec(Arrays.copyOfRange(material, 32, 64), "HmacSHA256");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            this.fingerprint = HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of {@code file}, made (64 random bytes, 0600) if it does not exist yet. */
    public static MasterKeys openOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String[] lines = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\R");
            if (lines.length != 2 || !lines[0].equals(HEADER)) {
                throw new IllegalStateException("the personal-data key file " + file + " is not a key file of this ledger");
            }
            byte[] material = Base64.getDecoder().decode(lines[1]);
            if (material.length != 64) {
                throw new IllegalStateException("the personal-data key file " + file + " holds no 64-byte key");
            }
            return new MasterKeys(material);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the personal-data key file " + file, e);
        }
    }

    /** Keys for a test: from fixed material, never from a file. */
    static MasterKeys of(byte[] material) {
        return new MasterKeys(material);
    }

    private static void create(Path file) throws IOException {
        byte[] material = new byte[64];
        new SecureRandom().nextBytes(material);
        String text = HEADER + "\n" + Base64.getEncoder().encodeToString(material) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException another) {
            return; // another process made it first: read theirs
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** The key that wraps each practitioner's personal-data key (AES-256). */
    SecretKey wrapping() {
        return wrapping;
    }

    /** A keyed hash of {@code text}, as hex: how a resident ID number is found without being stored. */
    String index(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexing);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short digest of the key material: the store remembers it, so a node with another file refuses to start. */
    String fingerprint() {
        return fingerprint;
    }
}
