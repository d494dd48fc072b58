package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.redial.receptionist.SemanticIntents.Meaning;
import io.redial.receptionist.triage.TextEmbeddings;
import org.junit.jupiter.api.Test;

/** The semantic intent layer with the real in-process model, on wordings that are not among its examples. */
class SemanticIntentsTests {

    static final EmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();
    final SemanticIntents intents = new SemanticIntents(
            text -> TextEmbeddings.unitLength(MINI_LM.embed(text).content().vector()));

    @Test
    void paraphrasesOfWhatAPersonMustHandle() {
        assertThat(intents.meaning("we won't be around on tuesday anymore, could you come another time"))
                .contains(Meaning.RESCHEDULE);
        assertThat(intents.meaning("the total on my bill is higher than what your office told me"))
                .contains(Meaning.BILLING);
    }

    @Test
    void droppingOutAndWrongNumbers() {
        assertThat(intents.meaning("forget about it, we found another guy to do it")).contains(Meaning.DECLINE);
        assertThat(intents.meaning("sorry, meant to text my cousin")).contains(Meaning.WRONG_NUMBER);
    }

    @Test
    void newJobsAndAnswersMeanNothingElse() {
        assertThat(intents.meaning("the ac in the bedroom is blowing warm air")).isEmpty();
        assertThat(intents.meaning("kitchen sink is backing up into the dishwasher")).isEmpty();
        assertThat(intents.meaning("can someone come by thursday afternoon")).isEmpty();
        assertThat(intents.meaning("Ray Ortiz")).isEmpty();
        assertThat(intents.meaning("tengo un problema con el calentador de agua")).isEmpty();
    }

    @Test
    void askingForAStaffMembersNumberIsNotAWrongNumber() {
        // Without the staff-contact examples the model read these as a wrong number ("number", "friend").
        assertThat(intents.meaning("send me the phone number of whoever is on call tonight, asking for a friend"))
                .isNotEqualTo(java.util.Optional.of(Meaning.WRONG_NUMBER));
        assertThat(intents.meaning("whats the cell number of the tech on call tonight")).isNotEqualTo(java.util.Optional.of(Meaning.WRONG_NUMBER));
        assertThat(intents.meaning("oops meant to message my neighbor")).contains(Meaning.WRONG_NUMBER);
    }

    @Test
    void aSalesPitchIsNotANewJob() {
        assertThat(intents.meaning("our agency builds websites that bring contractors more customers, want a demo"))
                .contains(Meaning.SPAM);
        assertThat(intents.meaning("my insurance adjuster says the roof needs replacing after the hail")).isEmpty();
    }
}
