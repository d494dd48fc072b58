package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The token endpoint's answer to a client-credentials grant (no refresh token). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "AccessToken[expiresIn=" + expiresIn + "]";
    }
}
