package ru.civic.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/** Beans the OAuth2 client machinery looks up by type; method security for {@code @PreAuthorize} on services. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityBeans {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(PortalSignIn signIn) {
        return signIn.clientRegistrations();
    }

    /** The portal's ID tokens are the platform's own; any other registration is ESIA's. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(PortalSignIn signIn, EsiaSignIn esia) {
        JwtDecoderFactory<ClientRegistration> platform = signIn.idTokenDecoderFactory();
        JwtDecoderFactory<ClientRegistration> external = esia.idTokenDecoderFactory();
        return registration -> AuthorizationServerConfiguration.PORTAL_CLIENT.equals(registration.getRegistrationId())
                ? platform.createDecoder(registration) : external.createDecoder(registration);
    }
}
