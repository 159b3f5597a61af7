//! The `copydesk` command. All of it lives in the `copydesk_cli` library, so that the Python
//! wheel can ship the very same command.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(copydesk_cli::run(std::env::args_os()))
}
