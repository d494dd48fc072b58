package io.redial.crm.jobber.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Every document the adapter sends, each kept as {@code io/redial/crm/jobber/graphql/<Name>.graphql}; a
 * mutation names the payload field its {@code userErrors} are read from.
 */
public enum JobberOperation {
    ACCOUNT("Account", null),
    CLIENTS_BY_PHONE("ClientsByPhone", null),
    CLIENT_BY_ID("ClientById", null),
    CLIENT_CREATE("ClientCreate", "clientCreate"),
    CLIENT_EDIT("ClientEdit", "clientEdit"),
    CLIENT_CREATE_NOTE("ClientCreateNote", "clientCreateNote"),
    PROPERTY_CREATE("PropertyCreate", "propertyCreate"),
    REQUEST_BY_ID("RequestById", null),
    REQUEST_CREATE("RequestCreate", "requestCreate"),
    REQUEST_EDIT("RequestEdit", "requestEdit"),
    REQUEST_CREATE_NOTE("RequestCreateNote", "requestCreateNote"),
    ASSESSMENT_CREATE("AssessmentCreate", "assessmentCreate"),
    ASSESSMENT_EDIT("AssessmentEdit", "assessmentEdit"),
    JOB_CREATE("JobCreate", "jobCreate"),
    VISIT_CREATE("VisitCreate", "visitCreate");

    private final String operationName;
    private final @Nullable String payloadField;
    private final String document;

    JobberOperation(String operationName, @Nullable String payloadField) {
        this.operationName = operationName;
        this.payloadField = payloadField;
        this.document = load(operationName);
    }

    public String operationName() {
        return operationName;
    }

    /** The mutation's payload field, or null for a query. */
    public @Nullable String payloadField() {
        return payloadField;
    }

    public String document() {
        return document;
    }

    private static String load(String name) {
        String path = "/io/redial/crm/jobber/graphql/" + name + ".graphql";
        try (InputStream in = JobberOperation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing GraphQL document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
