import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts SecureString values with a key that lives only as long as the local cloud (AES-256-GCM), so a
 * GetParameter without WithDecryption returns ciphertext, as in AWS, never the plain value.
 *
 * @example
 * const cipher = new SecureValueCipher();
 * cipher.decrypt(cipher.encrypt('s3cret')); // 's3cret'
 */
export class SecureValueCipher {
  private readonly key = randomBytes(32);

  /** Base64 of IV, authentication tag and ciphertext. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(encrypted: string): string {
    const raw = Buffer.from(encrypted, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
