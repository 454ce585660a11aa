package faqbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {
  @Test
  void aHostsUrlBecomesAJdbcUrlAndItsCredentials() {
    assertThat(
            Database.jdbc("postgresql://faq%40bot:p%3Ass@db.example:6543/faqbot?sslmode=require"))
        .isEqualTo(
            new Database.Jdbc(
                "jdbc:postgresql://db.example:6543/faqbot?sslmode=require", "faq@bot", "p:ss"));
    assertThat(Database.jdbc("postgres://db/faqbot"))
        .isEqualTo(new Database.Jdbc("jdbc:postgresql://db/faqbot", null, null));
    assertThat(Database.jdbc("jdbc:postgresql://db:5432/faqbot?user=x").url())
        .isEqualTo("jdbc:postgresql://db:5432/faqbot?user=x");
  }

  @Test
  void aUrlThatIsNotPostgresIsRefusedByName() {
    assertThatThrownBy(() -> Database.jdbc("mysql://db/faqbot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with postgresql://");
    assertThatThrownBy(() -> Database.jdbc(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Database.jdbc("postgresql:///faqbot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no host");
  }

  @Test
  void aPlusInAPasswordStaysAPlusAndAWrongUrlIsNotEchoed() {
    assertThat(Database.jdbc("postgresql://app:ab+cd@db/faq").password()).isEqualTo("ab+cd");
    assertThatThrownBy(() -> Database.jdbc("mysql://admin:s3cretpw@db/faq"))
        .hasMessageContaining("'mysql://'")
        .hasMessageNotContaining("s3cret");
  }
}
