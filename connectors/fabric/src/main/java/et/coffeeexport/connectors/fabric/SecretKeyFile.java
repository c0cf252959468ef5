package et.coffeeexport.connectors.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A 256-bit key the platform keeps in a file of the state folder (outside the database, IPFS and
 * git): generated at first start, owner-only, and the same for every instance that finds it.
 */
public final class SecretKeyFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKeyFile() {}

  /** The key in {@code file}, created atomically (a racing creator's key wins) when missing. */
  public static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".key", ".tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.write(tmp, fresh);
        try {
          Files.move(tmp, file);
        } catch (FileAlreadyExistsException raced) {
          Files.delete(tmp);
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    }
  }
}
