// SPDX-License-Identifier: MIT
// The image codec's out-of-line parts: the checksum, dates, and the errors of a bad image.
#include "image/codec.hpp"

namespace orglineage::detail {

namespace {

constexpr std::uint64_t fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t fnv_prime = 1099511628211ULL;
// Dates are Julian day numbers in boost::gregorian's range (1400-01-01 to 9999-12-31); far below
// it, three codes for the special values (a default-constructed Date is not-a-date).
constexpr std::uint32_t not_a_date = 0;
constexpr std::uint32_t neg_infinity = 1;
constexpr std::uint32_t pos_infinity = 2;

} // namespace

std::uint64_t image_checksum(const unsigned char* data, std::size_t size) noexcept {
    std::uint64_t lane[4] = {fnv_offset, fnv_offset ^ 1, fnv_offset ^ 2, fnv_offset ^ 3};
    std::size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (std::size_t l = 0; l < 4; ++l) {
            std::uint64_t w = 0;
            std::memcpy(&w, data + i + 8 * l, 8);
            lane[l] = (lane[l] ^ w) * fnv_prime;
        }
    std::uint64_t h = fnv_offset;
    for (auto x : lane) h = (h ^ x ^ (x >> 29)) * fnv_prime;
    for (; i < size; ++i) h = (h ^ data[i]) * fnv_prime;
    return (h ^ static_cast<std::uint64_t>(size)) * fnv_prime;
}

void ImageWriter::operator()(const Date& d) {
    if (d.is_not_a_date()) u32(not_a_date);
    else if (d.is_neg_infinity()) u32(neg_infinity);
    else if (d.is_pos_infinity()) u32(pos_infinity);
    else u32(static_cast<std::uint32_t>(d.day_number()));
}

void ImageReader::operator()(Date& d) {
    const std::size_t at = offset();
    const std::uint32_t n = u32();
    static const auto first_day = Date(1400, 1, 1).day_number();
    static const auto last_day = Date(9999, 12, 31).day_number();
    if (n == not_a_date) d = Date(boost::date_time::not_a_date_time);
    else if (n == neg_infinity) d = Date(boost::date_time::neg_infin);
    else if (n == pos_infinity) d = Date(boost::date_time::pos_infin);
    else if (n < first_day || n > last_day) fail_at(at, "bad date (day number " + std::to_string(n) + ")");
    else d = Date(boost::gregorian::gregorian_calendar::from_day_number(n));
}

void ImageReader::fail(const std::string& what) const { fail_at(offset(), what); }

void ImageReader::fail_at(std::size_t at, const std::string& what) const {
    throw DataError(SourcePos{m_file, 0, 0}, "bad compiled image: " + what + " at offset " + std::to_string(at));
}

} // namespace orglineage::detail
