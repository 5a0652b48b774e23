package ru.civic.platform.security.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.security.IntegrationTokens;
import ru.civic.platform.shared.Role;

/**
 * The tenant's operator issues and revokes integration tokens (the federal channel, a mobile back end, an Open311
 * client). The token is in the response once; only its hash is kept.
 */
@RestController
@RequestMapping("/api/v1/integration-tokens")
class IntegrationTokenApiController {

    record IssueRequest(String name, Set<Role> roles) {
    }

    private final IntegrationTokens tokens;

    IntegrationTokenApiController(IntegrationTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<IntegrationTokens.IssuedToken> issue(@RequestBody IssueRequest request) {
        String name = request.name() == null || request.name().isBlank() ? "integration" : request.name().strip();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.issue(name, request.roles() == null ? Set.of() : request.roles()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
