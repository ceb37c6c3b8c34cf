package dev.kirana.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

    @Test
    void aBodyThatCannotBeReadAsItsContentTypeSaysIsA400Problem() {
        ResponseEntity<Object> r = new ProblemHandler()
                .undecodable(new DecodingException("No multipart boundary found in Content-Type: \"multipart/form-data\""))
                .block();
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = (ProblemDetail) r.getBody();
        assertThat(body.getDetail()).isEqualTo("The request body cannot be read as its Content-Type says");
    }
}
