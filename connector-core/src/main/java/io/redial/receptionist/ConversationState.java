package io.redial.receptionist;

import io.redial.receptionist.reading.Language;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Anna's memory of one conversation between turns. {@code offered} are slot ids; {@code timePreference} is when
 * the caller last said they want us ({@link TimePreference#encode}).
 */
public record ConversationState(long conversationId, @Nullable Long leadId, Language language, int turns,
        boolean disclosed, Stage stage, List<String> offered, @Nullable String triageRule,
        @Nullable String handbackNote, @Nullable String timePreference) {

    public ConversationState(long conversationId, @Nullable Long leadId, Language language, int turns, boolean disclosed,
            Stage stage, List<String> offered, @Nullable String triageRule, @Nullable String handbackNote) {
        this(conversationId, leadId, language, turns, disclosed, stage, offered, triageRule, handbackNote, null);
    }
}
