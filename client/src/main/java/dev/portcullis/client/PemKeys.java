package dev.portcullis.client;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unencrypted private keys from PEM: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA
 * PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). The JDK reads only PKCS#8, so the other two
 * are wrapped into a PKCS#8 structure first; this avoids a BouncyCastle dependency for what is
 * a few bytes of DER.
 */
final class PemKeys {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
      0x01, 0x01, 0x05, 0x00};
  private static final byte[] EC_PUBLIC_KEY_OID = {
      0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

  private PemKeys() {}

  static boolean looksLikePem(String text) {
    return text.contains("-----BEGIN ");
  }

  static PrivateKey privateKey(String pem, String source) {
    Matcher matcher = PEM.matcher(pem);
    if (!matcher.find()) {
      throw new ClientConfigurationException("The key in " + source + " is not a PEM private key."
          + " Provide an unencrypted PKCS#8, RSA or EC private key in PEM, or a JWK.");
    }
    String label = matcher.group(1);
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
    try {
      switch (label) {
        case "PRIVATE KEY":
          return pkcs8(der);
        case "RSA PRIVATE KEY":
          return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
              sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tlv(0x04, der)))));
        case "EC PRIVATE KEY":
          byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curveOid(der, source)));
          return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
              sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, der)))));
        case "ENCRYPTED PRIVATE KEY":
          throw new ClientConfigurationException("The private key in " + source + " is"
              + " encrypted. Store it unencrypted with restricted file permissions, for example"
              + " with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        default:
          throw new ClientConfigurationException("The PEM block in " + source + " is a \""
              + label + "\", not a private key. Provide the client's private key.");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      if (e instanceof ClientConfigurationException) {
        throw (ClientConfigurationException) e;
      }
      throw new ClientConfigurationException("The private key in " + source + " could not be"
          + " read as an RSA or EC key. Check that the file is a complete, unencrypted key.", e);
    }
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
  }

  /** The named-curve OID in the {@code [0] parameters} of a SEC1 ECPrivateKey. */
  private static byte[] curveOid(byte[] sec1, String source) {
    int[] outer = header(sec1, 0);
    int position = outer[0];
    int end = outer[0] + outer[1];
    while (position < end) {
      int tag = sec1[position] & 0xff;
      int[] element = header(sec1, position);
      if (tag == 0xa0) {
        int[] oid = header(sec1, element[0]);
        int length = oid[0] + oid[1] - element[0];
        byte[] result = new byte[length];
        System.arraycopy(sec1, element[0], result, 0, length);
        return result;
      }
      position = element[0] + element[1];
    }
    throw new ClientConfigurationException("The EC private key in " + source + " does not name"
        + " its curve. Convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
  }

  /** {offset of the contents, length of the contents} of the DER element at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {at + 2, first};
    }
    int count = first & 0x7f;
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    return new int[] {at + 2 + count, length};
  }

  private static byte[] sequence(byte[] contents) {
    return tlv(0x30, contents);
  }

  private static byte[] tlv(int tag, byte[] contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = contents.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    }
    out.writeBytes(contents);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
