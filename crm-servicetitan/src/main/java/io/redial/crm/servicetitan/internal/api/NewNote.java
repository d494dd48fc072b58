package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code CustomerNoteCreateRequest} and {@code JobNoteCreateRequest}: the text, pinned or not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewNote(String text, boolean pinToTop) {
}
