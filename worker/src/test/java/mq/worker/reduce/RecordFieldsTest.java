package mq.worker.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
    private final RecordFields fields = new RecordFields(List.of("id", "updated_at", "amount", "id"));

    private void read(String line) throws Exception {
        byte[] bytes = ("  " + line + "  ").getBytes(StandardCharsets.UTF_8);
        fields.read(bytes, 2, bytes.length - 2);
    }

    @Test
    void keepsTheWantedFieldsAndSkipsNestedOnes() throws Exception {
        read("{\"meta\":{\"id\":99,\"list\":[1,{\"amount\":5}]},\"id\":7,\"amount\":12.50,\"updated_at\":\"2025-01-01\"}");

        assertThat(fields.value(0).asInt()).isEqualTo(7);
        assertThat(fields.value(1).textValue()).isEqualTo("2025-01-01");
        assertThat(fields.value(2).decimalValue()).isEqualByComparingTo("12.50");
        assertThat(fields.value(2).decimalValue().scale()).as("decimals exactly as written").isEqualTo(2);
        assertThat(fields.value(3)).as("a field wanted twice gets its value twice").isEqualTo(fields.value(0));
    }

    @Test
    void aFieldThatOccursTwiceKeepsItsLastValueAsATreeWould() throws Exception {
        read("{\"id\":1,\"id\":2}");

        assertThat(fields.value(0).asInt()).isEqualTo(2);
        assertThat(fields.value(1)).isNull();
    }

    @Test
    void everyReadStartsAfresh() throws Exception {
        read("{\"id\":1,\"amount\":3}");
        read("{\"id\":2}");

        assertThat(fields.value(2)).isNull();
    }

    @Test
    void refusesWhatIsNotOneObject() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(RecordFields.NotAnObjectException.class)
                .hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("{\"id\":1} {\"id\":2}")).isInstanceOf(RecordFields.NotAnObjectException.class)
                .hasMessage("malformed JSON: more than one value on the line");
    }

    @Test
    void malformedJsonIsAnIoErrorEvenInSkippedFields() {
        assertThatThrownBy(() -> read("{\"id\":1,\"other\":{\"a\":tru}}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"id\":1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"id\":1} x")).isInstanceOf(IOException.class);
    }
}
