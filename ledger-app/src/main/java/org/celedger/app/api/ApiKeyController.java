package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.celedger.app.security.ApiKeyStore;
import org.celedger.app.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/api-keys} (ADMIN): makes a key and answers it once; only its hash is kept. */
@RestController
@Tag(name = "access")
public class ApiKeyController {

    private final ApiKeyStore keys;

    public ApiKeyController(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** A null among the roles or bases is refused (422 naming it), not stored as the text "null". */
    public record NewKey(String name, @JsonSetter(contentNulls = Nulls.FAIL) Set<Role> roles,
                         @JsonSetter(contentNulls = Nulls.FAIL) Set<String> baseIds) {
    }

    /** Characters of a key's bases together, commas included: the width of their column. */
    static final int MAX_BASE_IDS_LENGTH = 4000;

    public record IssuedKey(String key, String name, Set<Role> roles, Set<String> baseIds) {
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an API key; the key is shown in this answer only")
    public IssuedKey create(@RequestBody NewKey request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid key request", "name",
                    "name is required (at most 200 characters)");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid key request", "roles",
                    "roles names at least one of " + java.util.Arrays.toString(Role.values()));
        }
        Set<String> baseIds = request.baseIds() == null ? Set.of() : request.baseIds();
        if (baseIds.stream().anyMatch(b -> b == null || b.isBlank() || b.contains(","))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid key request", "baseIds",
                    "baseIds are non-blank base ids without commas");
        }
        int length = baseIds.stream().mapToInt(String::length).sum() + Math.max(0, baseIds.size() - 1);
        if (length > MAX_BASE_IDS_LENGTH) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid key request", "baseIds",
                    "baseIds hold at most " + MAX_BASE_IDS_LENGTH + " characters together (commas between them "
                            + "included), not " + length + "; a key for that many bases is better without baseIds");
        }
        String key = keys.create(request.name(), request.roles(), baseIds);
        return new IssuedKey(key, request.name(), request.roles(), baseIds);
    }
}
