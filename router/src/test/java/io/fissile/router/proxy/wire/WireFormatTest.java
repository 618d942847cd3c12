package io.fissile.router.proxy.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatTest {

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aHeadIsReadOnlyOnceItsBlankLineCameAndTheBodyIsLeftUnread() throws Exception {
        String request = "\r\nPOST /f/x?y=1 HTTP/1.1\r\nHost: a:8888\r\nX-Two:  spaced value \r\nContent-Length: 4\r\n\r\nbody";
        for (int cut = 0; cut < request.length() - 4; cut++) {
            assertThat(HeadParser.request(bytes(request.substring(0, cut)))).as("cut at %d", cut).isNull();
        }
        ByteBuf in = bytes(request);

        RequestHead head = HeadParser.request(in);

        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.path()).isEqualTo("/f/x");
        assertThat(head.query()).isEqualTo("y=1");
        assertThat(head.host()).isEqualTo("a");
        assertThat(head.headers().get("x-two")).isEqualTo("spaced value");
        assertThat(in.toString(StandardCharsets.ISO_8859_1)).isEqualTo("body");
        assertThat(Body.ofRequest(head)).isInstanceOf(Body.Sized.class);
    }

    @Test
    void brokenHeadsAreRefusedWithTheStatusAndWhatIsWrong() {
        assertRefused("GET / HTTP/2.0\r\n\r\n", 505, "only HTTP/1.0 and HTTP/1.1");
        assertRefused("GET /\r\n\r\n", 400, "malformed request line");
        assertRefused("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400, "malformed header field name 'Bad Name'");
        assertRefused("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", 400, "obsolete line folding");
        assertRefused("GET / HTTP/1.1\r\nA: b\u0001c\r\n\r\n", 400, "control character in header field A");
        assertRefused("GET / HTTP/1.1\r\nX: " + "x".repeat(HeadParser.MAX_HEAD_BYTES), 431, "larger than");
    }

    @Test
    void requestFramingThatCouldSmuggleARequestIsRefused() throws Exception {
        assertThat(framingError("Transfer-Encoding: chunked\r\nContent-Length: 3")).contains("both Transfer-Encoding and Content-Length");
        assertThat(framingError("Transfer-Encoding: gzip")).contains("only the chunked transfer coding");
        assertThat(framingError("Content-Length: 3\r\nContent-Length: 4")).contains("malformed Content-Length");
        assertThat(framingError("Content-Length: -3")).contains("malformed Content-Length");
    }

    @Test
    void aChunkedBodyEndsAfterItsTrailersWhereverTheReadsSplitIt() throws Exception {
        String body = "5;name=value\r\nhello\r\n11\r\n, chunked world!!\r\n0\r\nTrailer-One: x\r\n\r\n";
        String next = "GET /next HTTP/1.1\r\n\r\n";
        for (int cut = 0; cut <= body.length(); cut++) {
            ChunkedBody chunked = new ChunkedBody();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            ByteBuf first = bytes(body.substring(0, cut));
            first.skipBytes(chunked.take(first, (index, length) -> data.writeBytes(bytesAt(first, index, length))));
            assertThat(chunked.ended()).as("cut at %d", cut).isEqualTo(cut == body.length());
            ByteBuf rest = bytes(body.substring(cut) + next);
            int taken = chunked.take(rest, (index, length) -> data.writeBytes(bytesAt(rest, index, length)));

            assertThat(chunked.ended()).isTrue();
            assertThat(taken).as("cut at %d", cut).isEqualTo(body.length() - cut);
            assertThat(data.toString(StandardCharsets.ISO_8859_1)).isEqualTo("hello, chunked world!!");
            assertThat(chunked.dataBytes()).isEqualTo(22);
        }
    }

    @Test
    void aMalformedChunkSizeIsRefused() {
        assertThatThrownBy(() -> new ChunkedBody().take(bytes("zz\r\n"), null))
                .isInstanceOf(BadMessageException.class).hasMessage("malformed chunked body");
        assertThatThrownBy(() -> new ChunkedBody().take(bytes("3\r\nabcX\r\n"), null))
                .isInstanceOf(BadMessageException.class).hasMessage("malformed chunked body");
    }

    @Test
    void anAnswerWithoutLengthOrChunksLastsUntilTheCloseExceptWhereItCannotHaveABody() throws Exception {
        ResponseHead plain = HeadParser.response(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"));
        ResponseHead noContent = HeadParser.response(bytes("HTTP/1.1 204 No Content\r\n\r\n"));
        ResponseHead bare = HeadParser.response(bytes("HTTP/1.0 302\r\nContent-Length: 0\r\n\r\n"));

        assertThat(Body.ofResponse(plain, false).framing()).isEqualTo(Body.Framing.UNTIL_CLOSE);
        assertThat(Body.ofResponse(plain, true).framing()).isEqualTo(Body.Framing.NONE);
        assertThat(Body.ofResponse(noContent, false).framing()).isEqualTo(Body.Framing.NONE);
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.reason()).isEmpty();
        assertThat(bare.keepAlive()).isFalse();
        assertThat(Body.ofResponse(bare, false).framing()).isEqualTo(Body.Framing.NONE);
    }

    @Test
    void aWrittenHeadReadsBackTheSame() throws Exception {
        HeaderList headers = new HeaderList().add("Content-Type", "text/plain; charset=iso-8859-1").add("X-Latin", "caf\u00e9");

        ResponseHead read = HeadParser.response(HeadWriter.response(Unpooled.buffer().alloc(), 404, "Not Found", headers));

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.reason()).isEqualTo("Not Found");
        assertThat(read.headers().get("x-latin")).isEqualTo("caf\u00e9");
    }

    private static byte[] bytesAt(ByteBuf buffer, int index, int length) {
        byte[] out = new byte[length];
        buffer.getBytes(index, out);
        return out;
    }

    private static void assertRefused(String head, int status, String message) {
        assertThatThrownBy(() -> HeadParser.request(bytes(head)))
                .isInstanceOfSatisfying(BadMessageException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(message);
    }

    private static String framingError(String fields) throws BadMessageException {
        RequestHead head = HeadParser.request(bytes("POST / HTTP/1.1\r\n" + fields + "\r\n\r\n"));
        try {
            Body.ofRequest(head);
            return "accepted";
        } catch (BadMessageException e) {
            return e.getMessage();
        }
    }
}
