package et.coffeeexport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.RealNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's secrets where the scripts put them, against the running platform: no process on
 * the machine shows one on its command line (which {@code ps} shows every user), and the state
 * folder and every secret in it are the owner's alone.
 */
class PlatformSecretsIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  /** Shorter strings could match by chance (a port, a word). */
  private static final int SHORTEST_SECRET = 8;

  @Test
  void noProcessShowsASecretOfTheStateFolderOnItsCommandLine() throws IOException {
    Map<String, String> secrets = secrets();
    assertThat(secrets).as("the state folder's secrets").isNotEmpty();
    List<String> leaks = new ArrayList<>();
    int processes = 0;
    try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) proc::iterator) {
        if (!p.getFileName().toString().matches("\\d+")) {
          continue;
        }
        String commandLine;
        try {
          commandLine =
              new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.ISO_8859_1)
                  .replace('\0', ' ');
        } catch (IOException gone) {
          continue; // the process ended meanwhile
        }
        processes++;
        for (var secret : secrets.entrySet()) {
          if (commandLine.contains(secret.getValue())) {
            leaks.add(
                secret.getKey()
                    + " on the command line of pid "
                    + p.getFileName()
                    + ": "
                    + commandLine.substring(0, Math.min(120, commandLine.length())));
          }
        }
      }
    }
    assertThat(processes).as("processes looked at").isGreaterThan(20);
    assertThat(leaks).as("secrets on command lines (ps -eo args shows them)").isEmpty();
  }

  @Test
  void theStateFolderAndEverySecretInItAreTheOwnersOnly() throws IOException {
    int uid = (Integer) Files.getAttribute(NETWORK.state, "unix:uid");
    assertThat(uid).as("the state folder is ours").isEqualTo(currentUid());
    PosixFileAttributes state = posix(NETWORK.state);
    Set<PosixFilePermission> mode = state.permissions();
    assertThat(mode)
        .as("others get nothing in the state folder")
        .doesNotContain(
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE)
        .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE);
    if (mode.contains(PosixFilePermission.GROUP_EXECUTE)) {
      assertThat(state.group().getName())
          .as("only PostgreSQL's service account may pass through (to its data), and list nothing")
          .isEqualTo("postgres");
    }

    Path secrets = NETWORK.state.resolve("secrets");
    assertThat(PosixFilePermissions.toString(posix(secrets).permissions())).isEqualTo("rwx------");
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(secrets)) {
      files
          .filter(f -> !f.equals(secrets))
          .forEach(
              f -> {
                try {
                  String perms = PosixFilePermissions.toString(posix(f).permissions());
                  int owner =
                      (Integer) Files.getAttribute(f, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                  if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                      || !perms.equals("rw-------")
                      || owner != uid) {
                    wrong.add(f.getFileName() + " " + perms + " uid " + owner);
                  }
                } catch (IOException e) {
                  wrong.add(f.getFileName() + " unreadable: " + e);
                }
              });
    }
    assertThat(wrong).as("secret files that are not 0600 regular files of ours").isEmpty();

    // The CAs' files hold the bootstrap password (configuration), keys and password hashes.
    List<String> open = new ArrayList<>();
    try (Stream<Path> files = Files.walk(NETWORK.state.resolve("crypto"))) {
      files
          .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .forEach(
              f -> {
                try {
                  if (posix(f).permissions().stream()
                      .anyMatch(
                          p -> p.name().startsWith("OTHERS") || p.name().startsWith("GROUP"))) {
                    open.add(NETWORK.state.relativize(f).toString());
                  }
                } catch (IOException e) {
                  open.add(f + " unreadable");
                }
              });
    }
    assertThat(open).as("crypto material readable by others than its owner").isEmpty();
  }

  /** Every secret of the state folder under a name, in the forms a command line could carry it. */
  private static Map<String, String> secrets() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(NETWORK.state.resolve("secrets"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        byte[] bytes = Files.readAllBytes(f);
        if (name.endsWith(".tsv")) {
          // The development users: password, TOTP secret and its base32, per line.
          int line = 0;
          for (String row : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            line++;
            String[] fields = row.split("\t");
            for (int i = 1; i < fields.length; i++) {
              add(out, name + ":" + line + ":" + i, fields[i]);
            }
          }
        } else if (isText(bytes)) {
          add(out, name, new String(bytes, StandardCharsets.UTF_8).trim());
        } else {
          add(out, name + " (hex)", HexFormat.of().formatHex(bytes));
          add(out, name + " (base64)", Base64.getEncoder().encodeToString(bytes));
        }
      }
    }
    return out;
  }

  private static void add(Map<String, String> out, String name, String value) {
    if (value.length() >= SHORTEST_SECRET) {
      out.put(name, value);
    }
  }

  private static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static PosixFileAttributes posix(Path p) throws IOException {
    return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static int currentUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }
}
