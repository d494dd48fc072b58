package io.redial.receptionist.langchain4j;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;

/** The AiServices face of the model: one caller turn in, Anna's proposed text out (tools carry the rest). */
interface AnnaAssistant {

    String chat(@MemoryId String memoryId, @UserMessage String turn);
}
