package et.coffeeexport.connectors.documents;

import et.coffeeexport.connectors.fabric.SecretKeyFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of documents: each document gets its own AES-256 key, which is itself sealed
 * by the platform's document key (kept in a file outside IPFS and git, made once when the
 * platform's state is initialised, never by the application). The stored object is self-contained:
 * {@code "CEC2" ‖ key id ‖ wrap nonce ‖ wrapped key ‖ nonce ‖ ciphertext+tag}, and the document's
 * export and type are authenticated with it, so an object cannot be passed off as another export's
 * document. The key id (8 bytes of the document key's SHA-256) tells an object sealed under another
 * key from an altered one. Objects of the first format ({@code "CEC1"}, no key id) still open.
 */
public final class DocumentSealing {
  private static final byte[] MAGIC_V1 = "CEC1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC = "CEC2".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_ID = 8;
  private static final int NONCE = 12;
  private static final int WRAPPED = 32 + 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec platformKey;
  private final byte[] keyId;
  private final byte[] header;

  private DocumentSealing(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the document key has 32 bytes, not " + key.length);
    }
    this.platformKey = new SecretKeySpec(key, "AES");
    this.keyId = SecretKeyFile.idBytes(key);
    this.header = ByteBuffer.allocate(MAGIC.length + KEY_ID).put(MAGIC).put(keyId).array();
  }

  /**
   * The platform's document key from {@code file}.
   *
   * @throws SecretKeyFile.MissingKeyFile when the file is missing: it is never made here
   */
  public static DocumentSealing withKeyFile(Path file) {
    return new DocumentSealing(SecretKeyFile.read(file));
  }

  /** The document key's id, as {@link SecretKeyFile#id} writes it. */
  public String keyId() {
    return HexFormat.of().formatHex(keyId);
  }

  byte[] seal(byte[] plaintext, String exportId, String type) {
    byte[] documentKey = random(32);
    byte[] wrapNonce = random(NONCE);
    byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, platformKey, wrapNonce, header, documentKey);
    byte[] nonce = random(NONCE);
    byte[] ciphertext =
        gcm(
            Cipher.ENCRYPT_MODE,
            new SecretKeySpec(documentKey, "AES"),
            nonce,
            binding(exportId, type),
            plaintext);
    Arrays.fill(documentKey, (byte) 0);
    return ByteBuffer.allocate(header.length + NONCE + WRAPPED + NONCE + ciphertext.length)
        .put(header)
        .put(wrapNonce)
        .put(wrapped)
        .put(nonce)
        .put(ciphertext)
        .array();
  }

  /**
   * @throws DocumentTampered when the object is not one this platform sealed for this document, or
   *     was altered
   * @throws DocumentKeyMismatch when the object was sealed under another document key
   */
  byte[] open(byte[] sealed, String exportId, String type) {
    byte[] magic = sealed.length < 4 ? new byte[0] : Arrays.copyOfRange(sealed, 0, 4);
    byte[] wrapAad;
    if (Arrays.equals(magic, MAGIC) && sealed.length >= header.length + 2 * NONCE + WRAPPED + 16) {
      byte[] sealedUnder = Arrays.copyOfRange(sealed, MAGIC.length, header.length);
      if (!Arrays.equals(sealedUnder, keyId)) {
        throw new DocumentKeyMismatch(
            "the "
                + type
                + " of "
                + exportId
                + " was sealed under document key "
                + HexFormat.of().formatHex(sealedUnder)
                + ", not under this platform's key "
                + keyId()
                + ": the key file was replaced");
      }
      wrapAad = header;
    } else if (Arrays.equals(magic, MAGIC_V1)
        && sealed.length >= MAGIC_V1.length + 2 * NONCE + WRAPPED + 16) {
      wrapAad = MAGIC_V1;
    } else {
      throw new DocumentTampered("the stored object is not a sealed document");
    }
    ByteBuffer in = ByteBuffer.wrap(sealed, wrapAad.length, sealed.length - wrapAad.length);
    byte[] wrapNonce = take(in, NONCE);
    byte[] wrapped = take(in, WRAPPED);
    byte[] nonce = take(in, NONCE);
    byte[] ciphertext = take(in, in.remaining());
    try {
      byte[] documentKey =
          gcmOrThrow(Cipher.DECRYPT_MODE, platformKey, wrapNonce, wrapAad, wrapped);
      return gcmOrThrow(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(documentKey, "AES"),
          nonce,
          binding(exportId, type),
          ciphertext);
    } catch (GeneralSecurityException e) {
      throw new DocumentTampered(
          "the stored object does not decrypt as " + type + " of " + exportId + ": it was altered");
    }
  }

  private static byte[] binding(String exportId, String type) {
    return (exportId + "\n" + type).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gcm(int mode, SecretKeySpec key, byte[] nonce, byte[] aad, byte[] input) {
    try {
      return gcmOrThrow(mode, key, nonce, aad, input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private static byte[] gcmOrThrow(
      int mode, SecretKeySpec key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
