package ru.civic.platform.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.tenancy.TenantContext;

/**
 * The RSA key tokens are signed with: created once, kept in the database, so every instance of the cluster signs
 * and verifies with the same key, and restarts do not invalidate sessions in flight.
 */
@Component
class SigningKeys {

    private final RSAKey key;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this.key = TenantContext.callInPlatformScope(() -> transactions.execute(tx -> {
            // Serialise first creation between instances starting together.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key'))").query().singleValue();
            return jdbc.sql("select kid, private_key, public_key from signing_key where active order by created_at limit 1")
                    .query((rs, n) -> decode(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_key")))
                    .optional()
                    .orElseGet(() -> create(jdbc));
        }));
    }

    RSAKey rsaKey() {
        return key;
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWKSet jwkSet() {
        return new JWKSet(key);
    }

    private static RSAKey create(JdbcClient jdbc) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            jdbc.sql("insert into signing_key (kid, private_key, public_key) values (?, ?, ?)")
                    .params(kid, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .update();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey decode(String kid, String privateKey, String publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored signing key cannot be read", e);
        }
    }
}
