/** The LLM receptionist on LangChain4j: the only place that may use {@code dev.langchain4j}. */
@NullMarked
package io.redial.receptionist.langchain4j;

import org.jspecify.annotations.NullMarked;
