// Status and Result<T>: how the core reports problems the user can fix (bad data, divergence,
// impossible settings). Programmer mistakes assert instead. No exception crosses the core API.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace mlp {

class Status {
public:
  Status() = default;  // ok
  static Status Ok() { return {}; }
  // `message` is shown to the user as is: say what happened and what to do about it.
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

// Either a value or the Status explaining why there is none.
template <typename T>
class Result {
public:
  Result(T value) : state_(std::move(value)) {}                    // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {               // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok() && "Result needs a value or a failed Status");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }
  const T& value() const& { assert(ok() && "check ok() before value()"); return std::get<T>(state_); }
  T& value() & { assert(ok() && "check ok() before value()"); return std::get<T>(state_); }
  T&& value() && { assert(ok() && "check ok() before value()"); return std::get<T>(std::move(state_)); }

private:
  std::variant<T, Status> state_;
};

}  // namespace mlp
