package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The OAuth token endpoint's answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") @Nullable String refreshToken,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("hub_id") @Nullable Long hubId) {

    @Override
    public String toString() {
        return "TokenResponse[hub=" + hubId + ", expiresIn=" + expiresIn + "]";
    }
}
