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

    @SuppressWarnings("unused")
    void handler(@org.springframework.web.bind.annotation.PathVariable java.util.UUID partyId) {
    }

    @Test
    void aPathVariableThatConvertsToNothingIsA400NamingIt() throws Exception {
        var parameter = new org.springframework.core.MethodParameter(
                ProblemHandlerTest.class.getDeclaredMethod("handler", java.util.UUID.class), 0);
        var ex = new org.springframework.web.server.ServerErrorException("partyId", parameter, null);
        ResponseEntity<Object> r = new ProblemHandler().handleServerErrorException(ex, new org.springframework.http.HttpHeaders(),
                org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, null).block();
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) r.getBody()).getDetail()).isEqualTo("partyId: is not a valid value");
    }
}
