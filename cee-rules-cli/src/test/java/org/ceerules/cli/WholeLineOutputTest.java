package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WholeLineOutputTest {

    /** Signals, in place of ending the process, that the reader closed the pipe. */
    private static final class ClosedByReader extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static WholeLineOutput to(OutputStream out) {
        return new WholeLineOutput(out, () -> {
            throw new ClosedByReader();
        });
    }

    @Test
    void onlyWholeLinesReachTheStreamWhateverTheWritesCut() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("{\"n\":").append(i).append(",\"pad\":\"").append("x".repeat(i % 97 * 50)).append("\"}\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WholeLineOutput out = to(written);
        Random random = new Random(7);
        int position = 0;
        while (position < bytes.length) {
            int length = Math.min(bytes.length - position, random.nextInt(20_000));
            if (length == 1) {
                out.write(bytes[position]);
            } else {
                out.write(bytes, position, length);
            }
            position += length;
            String so = written.toString(StandardCharsets.UTF_8);
            assertThat(so.isEmpty() || so.endsWith("\n")).as("after %d bytes", position).isTrue();
        }
        out.flush();
        assertThat(written.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void flushWritesTheWholeLinesAndKeepsALineNotEndedYet() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WholeLineOutput out = to(written);
        out.write("{\"a\":1}\n{\"b\":".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
        out.write("2}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
    }

    @Test
    void aReaderThatClosedThePipeEndsTheRun() {
        WholeLineOutput out = to(failing("Broken pipe"));
        assertThatThrownBy(() -> {
            out.write("{}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }).isInstanceOf(ClosedByReader.class);
        assertThat(WholeLineOutput.closedByReader(new IOException("The pipe is being closed"))).isTrue();
        assertThat(WholeLineOutput.closedByReader(new IOException("No space left on device"))).isFalse();
    }

    @Test
    void anyOtherWriteErrorIsThrownAndNothingIsKeptAfterIt() throws IOException {
        WholeLineOutput out = to(failing("No space left on device"));
        out.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
        assertThatIOException().isThrownBy(() -> out.write(("1}\n" + "x".repeat(WholeLineOutput.WRITE_AT))
                .getBytes(StandardCharsets.UTF_8))).withMessage("No space left on device");
        assertThatIOException().isThrownBy(() -> out.write(new byte[1 << 20])).withMessage("No space left on device");
        assertThatIOException().isThrownBy(out::flush);
    }

    private static OutputStream failing(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }
}
