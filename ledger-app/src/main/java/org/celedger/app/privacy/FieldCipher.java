package org.celedger.app.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Authenticated encryption (AES-256-GCM, a fresh 96-bit nonce each time) of a short text bound to its
 * context: the practitioner and the field, so that a sealed value cannot be moved to another person or
 * field unnoticed. A sealed value is text: {@code pd1:} and the base64 of nonce and ciphertext.
 */
final class FieldCipher {

    static final String PREFIX = "pd1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldCipher() {
    }

    static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    static String seal(SecretKey key, String context, String plain) {
        return PREFIX + Base64.getEncoder().withoutPadding()
                .encodeToString(encrypt(key, context, plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text sealed in {@code sealed}; an {@link AEADBadTagException} if it was sealed otherwise. */
    static String open(SecretKey key, String context, String sealed) throws AEADBadTagException {
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        return new String(decrypt(key, context, bytes), StandardCharsets.UTF_8);
    }

    static byte[] encrypt(SecretKey key, String context, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] decrypt(SecretKey key, String context, byte[] bytes) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value is malformed", e);
        }
    }
}
