// SPDX-License-Identifier: MIT
// orglineage — errors: one root type, three leaves a caller must tell apart.
#pragma once

#include <orglineage/orglineage_export.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace orglineage {

/// Where a record stands in a data file (1-based line and column; 0 when unknown).
struct ORGLINEAGE_API SourcePos {
    std::string file;
    int line = 0;
    int column = 0;

    /// `file:line:column`, or `file` alone when the line is unknown.
    [[nodiscard]] std::string str() const;
};

/// The root of every exception the library throws.
class ORGLINEAGE_API Error : public std::runtime_error {
  public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

/// A data file cannot be read: bad YAML, bad date, unknown or missing key, wrong type.
class ORGLINEAGE_API DataError : public Error {
  public:
    DataError(SourcePos pos, const std::string& message);
    [[nodiscard]] const std::string& file() const noexcept { return m_pos.file; }
    [[nodiscard]] int line() const noexcept { return m_pos.line; }
    [[nodiscard]] int column() const noexcept { return m_pos.column; }
    [[nodiscard]] const SourcePos& pos() const noexcept { return m_pos; }
    /// The message without the position prefix.
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }

  private:
    SourcePos m_pos;
    std::string m_message;
};

/// The files are well-formed but inconsistent (unknown reference, shares not summing to 1, ...).
class ORGLINEAGE_API ValidationError : public DataError {
  public:
    using DataError::DataError;
};

/// A query names something the dataset does not have (unknown id, code, area or function).
class ORGLINEAGE_API LookupError : public Error {
  public:
    explicit LookupError(const std::string& what) : Error(what) {}
};

/// Reading or writing a file failed in the system (disk full, no permission, device error).
class ORGLINEAGE_API IoError : public Error {
  public:
    IoError(std::string path, const std::string& message)
        : Error(path + ": " + message), m_path(std::move(path)) {}
    /// The file concerned.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

  private:
    std::string m_path;
};

} // namespace orglineage
