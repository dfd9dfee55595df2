package dev.claimcheck.core.grade.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.ifeval.LanguageDetector.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The weather is fine and we are going to the park with the children.
            de | Das Wetter ist schön und wir gehen mit den Kindern in den Park.
            fr | Le temps est beau et nous allons au parc avec les enfants.
            es | El tiempo es bueno y vamos al parque con los niños.
            pt | O tempo está bom e nós vamos ao parque com as crianças.
            it | Il tempo è bello e andiamo al parco con i bambini che sono felici.
            pl | Pogoda jest ładna i idziemy do parku z dziećmi, ale nie na długo.
            fi | Sää on kaunis ja menemme puistoon lasten kanssa, mutta ei kauaksi.
            vi | Thời tiết đẹp và chúng tôi đi đến công viên với các con của chúng tôi.
            sw | Hali ya hewa ni nzuri na tunaenda kwenye bustani pamoja na watoto wetu.
            ru | Погода хорошая, и мы идём в парк с детьми, но только ненадолго.
            uk | Погода гарна, і ми йдемо до парку з дітьми, але ненадовго.
            bg | Времето е хубаво и ние отиваме в парка с децата, но само за малко.
            hi | आज मौसम अच्छा है और हम बच्चों के साथ पार्क में जा रहे हैं।
            mr | आज हवामान छान आहे आणि आम्ही मुलांसोबत बागेत जात आहोत.
            ne | आज मौसम राम्रो छ र हामी बच्चाहरूसँग पार्क जाँदैछौं।
            ar | الطقس جميل اليوم ونحن ذاهبون إلى الحديقة مع الأطفال.
            fa | امروز هوا خوب است و ما با بچه‌ها به پارک می‌رویم.
            ur | آج موسم اچھا ہے اور ہم بچوں کے ساتھ پارک جا رہے ہیں۔
            ja | 今日は天気が良いので、子供たちと公園に行きます。
            ko | 오늘은 날씨가 좋아서 아이들과 공원에 갑니다.
            th | วันนี้อากาศดีเราจะไปสวนสาธารณะกับเด็กๆ
            he | מזג האוויר יפה היום ואנחנו הולכים לפארק עם הילדים.
            bn | আজ আবহাওয়া ভালো এবং আমরা বাচ্চাদের সাথে পার্কে যাচ্ছি।
            ta | இன்று வானிலை நன்றாக உள்ளது, நாங்கள் குழந்தைகளுடன் பூங்காவுக்குச் செல்கிறோம்.
            te | ఈరోజు వాతావరణం బాగుంది మరియు మేము పిల్లలతో పార్కుకు వెళ్తున్నాము.
            kn | ಇಂದು ಹವಾಮಾನ ಚೆನ್ನಾಗಿದೆ ಮತ್ತು ನಾವು ಮಕ್ಕಳೊಂದಿಗೆ ಉದ್ಯಾನಕ್ಕೆ ಹೋಗುತ್ತಿದ್ದೇವೆ.
            ml | ഇന്ന് കാലാവസ്ഥ നല്ലതാണ്, ഞങ്ങൾ കുട്ടികളോടൊപ്പം പാർക്കിലേക്ക് പോകുന്നു.
            gu | આજે હવામાન સારું છે અને અમે બાળકો સાથે બગીચામાં જઈ રહ્યા છીએ.
            pa | ਅੱਜ ਮੌਸਮ ਵਧੀਆ ਹੈ ਅਤੇ ਅਸੀਂ ਬੱਚਿਆਂ ਨਾਲ ਪਾਰਕ ਜਾ ਰਹੇ ਹਾਂ।
            """)
    void everySupportedLanguageIsRecognisedInASentence(String code, String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(new Result.Language(code));
    }

    @Test
    void theThirtySupportedCodesAreUpstreamsResponseLanguages() {
        assertThat(LanguageDetector.SUPPORTED).hasSize(30).contains("en", "ja", "sw", "pa", "fi").doesNotContain("zh");
    }

    @Test
    void textWithoutLettersIsNotJudged() {
        assertThat(LanguageDetector.detect("123 !!! 456")).isEqualTo(new Result.NoLetters());
    }

    @Test
    void latinTextWithoutAnyProfiledStopWordIsUndetermined() {
        assertThat(LanguageDetector.detect("Zxq blorf wimble")).isEqualTo(new Result.Undetermined());
    }

    @Test
    void chineseWithoutKanaIsNotJapanese() {
        assertThat(LanguageDetector.detect("今天天气很好我们去公园")).isEqualTo(new Result.Language("zh"));
    }
}
