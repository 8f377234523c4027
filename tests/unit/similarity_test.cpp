// Similarity of unit sources for fuzzy matching, as msgmerge's fstrcmp measures it.
#include <doctest/doctest.h>

#include "policyloc/similarity.h"

using namespace policyloc;

TEST_CASE("similarity: 2 * common / total, bounded") {
    CHECK(text_similarity("", "") == 1.0);
    CHECK(text_similarity("same", "same") == 1.0);
    CHECK(text_similarity("abc", "abd") == doctest::Approx(4.0 / 6.0));
    CHECK(text_similarity("abc", "xyz") == 0.0);
    // "kitten" / "sitting": 4 characters in common in order (i, t, t, n).
    CHECK(text_similarity("kitten", "sitting") == doctest::Approx(8.0 / 13.0));
    // A bound that cannot be reached gives a value below it, whatever the true value is.
    CHECK(text_similarity("abc", "abd", 0.9) < 0.9);
    CHECK(text_similarity("a", "a much longer sentence", 0.6) < 0.6);
    // One changed word in a long sentence stays well above msgmerge's threshold.
    std::string old_s = "We keep your personal data only as long as we need it for the purposes "
                        "described in this policy.";
    std::string new_s = "We keep your personal data only as long as we need it for the reasons "
                        "described in this policy.";
    CHECK(text_similarity(old_s, new_s, kFuzzyThreshold) > 0.9);
}

TEST_CASE("similarity: protected spans count as one character, the best match wins") {
    Unit a;
    a.source = "Write to [us](https://example.com/a/very/long/path) today.";
    a.codes = {{14, 50, CodeKind::link_destination, {}}};
    CHECK(masked_source(a) == "Write to [us](\xEF\xBF\xBC) today.");
    Unit b = a;
    b.source = "Write to [us](https://example.org/other) today.";
    b.codes = {{14, 39, CodeKind::link_destination, {}}};
    CHECK(masked_source(a) == masked_source(b));

    FuzzyIndex index;
    Unit far, near, other_context, same_source;
    far.source = "Nothing alike at all here.";
    near.source = "Write to [us](\xEF\xBF\xBC) tomorrow.";
    other_context = a;
    other_context.context = "footer";
    index.add(far, 0);
    index.add(near, 2);
    auto m = index.best(a);
    REQUIRE(m);
    CHECK(m->id == 2);
    CHECK(m->similarity >= kFuzzyThreshold);
    // Another context's translation of the same text is proposed, but one without context wins
    // a tie.
    index.add(other_context, 1);
    CHECK(index.best(a)->id == 1);
    same_source = a;
    index.add(same_source, 3);
    CHECK(index.best(a)->id == 3);
    Unit nothing;
    nothing.source = "Completely unrelated text about cookies.";
    CHECK_FALSE(index.best(nothing));
}

TEST_CASE("similarity: a match must be above the threshold, not at it, as in msgmerge") {
    // "abcdefghij" / "abcdefxyzw": 6 of 10 in common, exactly 0.6. Without the bonus of a
    // matching context msgmerge does not take it; with it (0.60001) it does.
    Unit old_unit, new_unit;
    old_unit.source = "abcdefghij";
    new_unit.source = "abcdefxyzw";
    CHECK(text_similarity(old_unit.source, new_unit.source) == doctest::Approx(0.6));
    FuzzyIndex other_context;
    old_unit.context = "a";
    new_unit.context = "b";
    other_context.add(old_unit, 0);
    CHECK_FALSE(other_context.best(new_unit));
    FuzzyIndex same_context;
    new_unit.context = "a";
    same_context.add(old_unit, 0);
    CHECK(same_context.best(new_unit));
}
