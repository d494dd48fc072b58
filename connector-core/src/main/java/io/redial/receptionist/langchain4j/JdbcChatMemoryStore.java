package io.redial.receptionist.langchain4j;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The model's chat memory in MySQL, one row per conversation; the memory id is "tenant:conversationId". */
class JdbcChatMemoryStore implements ChatMemoryStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcChatMemoryStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String id(String tenant, long conversationId) {
        return tenant + ":" + conversationId;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        String[] id = split(memoryId);
        return jdbc.sql("SELECT messages FROM receptionist_chat_memory WHERE tenant_id = ? AND conversation_id = ?")
                .params(id[0], Long.parseLong(id[1])).query(String.class).optional()
                .map(ChatMessageDeserializer::messagesFromJson).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        String[] id = split(memoryId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO receptionist_chat_memory (tenant_id, conversation_id, messages, updated_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE messages = VALUES(messages), updated_at = VALUES(updated_at)""")
                .params(id[0], Long.parseLong(id[1]), ChatMessageSerializer.messagesToJson(messages), now).update();
    }

    @Override
    public void deleteMessages(Object memoryId) {
        String[] id = split(memoryId);
        jdbc.sql("DELETE FROM receptionist_chat_memory WHERE tenant_id = ? AND conversation_id = ?")
                .params(id[0], Long.parseLong(id[1])).update();
    }

    private static String[] split(Object memoryId) {
        String[] id = String.valueOf(memoryId).split(":");
        if (id.length != 2) {
            throw new IllegalArgumentException("memory id must be tenant:conversation");
        }
        return id;
    }
}
