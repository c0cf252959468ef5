package et.coffeeexport.identity.wallet;

import et.coffeeexport.connectors.fabric.SecretKeyFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts every wallet key (AES-GCM, 96-bit random nonce, the row's identity
 * as associated data). It lives in a file outside the database, made once when the platform's state
 * is initialised (never by the application), so a database dump alone reveals no private key. Every
 * row names the key that sealed it ({@link #id}).
 */
public final class KeyEncryptionKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String id;

  private KeyEncryptionKey(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a key-encryption key has 32 bytes, not " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes, "AES");
    this.id = SecretKeyFile.id(bytes);
  }

  /**
   * Reads the key from {@code file}.
   *
   * @throws SecretKeyFile.MissingKeyFile when the file is missing: it is never made here
   */
  public static KeyEncryptionKey load(Path file) {
    return new KeyEncryptionKey(SecretKeyFile.read(file));
  }

  static KeyEncryptionKey of(byte[] bytes) {
    return new KeyEncryptionKey(bytes.clone());
  }

  /** Names this key in every row it sealed, so rows sealed under another key are recognised. */
  public String id() {
    return id;
  }

  /** nonce ‖ ciphertext ‖ tag. */
  byte[] seal(byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(plaintext);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  byte[] open(byte[] sealed, byte[] associatedData) {
    try {
      byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
      return cipher(Cipher.DECRYPT_MODE, nonce, associatedData)
          .doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new WalletTampered("a wallet key does not decrypt under this key-encryption key", e);
    }
  }

  private Sealing cipher(int mode, byte[] nonce, byte[] associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return cipher::doFinal;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private interface Sealing {
    byte[] doFinal(byte[] input, int offset, int length) throws GeneralSecurityException;

    default byte[] doFinal(byte[] input) {
      try {
        return doFinal(input, 0, input.length);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
