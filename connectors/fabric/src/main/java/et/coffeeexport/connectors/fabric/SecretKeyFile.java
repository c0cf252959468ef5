package et.coffeeexport.connectors.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A 256-bit key the platform keeps in a file of the state folder (outside the database, IPFS and
 * git), owner-only. The platform's scripts make it once, when the state is initialised ({@code
 * network/scripts/postgres.sh}); the application only reads it and never makes a missing one: data
 * sealed under a key is lost with it, and a silently new key would hide that until someone needed
 * the data.
 */
public final class SecretKeyFile {
  /** The length of a key file, in bytes. */
  public static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKeyFile() {}

  /**
   * The key in {@code file}.
   *
   * @throws MissingKeyFile when there is no such file (the application must not start)
   * @throws IllegalArgumentException when the file does not hold a 256-bit key
   */
  public static byte[] read(Path file) {
    try {
      byte[] key = Files.readAllBytes(file);
      if (key.length != KEY_BYTES) {
        throw new IllegalArgumentException(
            "the key file " + file + " holds " + key.length + " bytes; a key has 32 bytes");
      }
      return key;
    } catch (NoSuchFileException e) {
      throw new MissingKeyFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    }
  }

  /**
   * Makes a new key file, owner-only; fails when {@code file} exists. For initialisation and tests:
   * the platform's own key files are made by its scripts.
   */
  public static byte[] create(Path file) {
    byte[] fresh = new byte[KEY_BYTES];
    RANDOM.nextBytes(fresh);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, fresh);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the key file " + file, e);
    }
  }

  /**
   * The key's id: the first 8 bytes of its SHA-256, in hex. Stored with what the key seals, so that
   * data sealed under another key is recognised as such, never taken for tampering.
   */
  public static String id(byte[] key) {
    return HexFormat.of().formatHex(idBytes(key));
  }

  /** {@link #id} as its 8 bytes. */
  public static byte[] idBytes(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return java.util.Arrays.copyOf(digest, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key file that is not there: the platform's state is incomplete, and nothing may start. */
  public static final class MissingKeyFile extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingKeyFile(Path file) {
      super(
          "the key file "
              + file
              + " is missing. It is made once, when the platform's state is initialised"
              + " (network/cec up on a new state folder), never by the application: everything"
              + " sealed under it (wallet keys, documents) cannot be read without it. Restore it"
              + " from the backup of the state folder; only a platform that never sealed anything"
              + " may start over (network/cec clean, then up).");
    }
  }
}
