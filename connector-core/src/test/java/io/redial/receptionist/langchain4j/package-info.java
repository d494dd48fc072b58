/** Tests of the LLM receptionist against an OpenAI-compatible fake on loopback. */
@NullMarked
package io.redial.receptionist.langchain4j;

import org.jspecify.annotations.NullMarked;
