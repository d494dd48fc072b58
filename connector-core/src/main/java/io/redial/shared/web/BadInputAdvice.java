package io.redial.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input from a webhook gets a clear 400 naming the problem, never a 500 and a stack trace. */
@RestControllerAdvice(basePackages = "io.redial")
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badInput(IllegalArgumentException e) {
        log.warn("rejected webhook input: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
