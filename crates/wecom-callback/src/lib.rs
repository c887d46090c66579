//! WeCom callbacks (接收事件服务器): verification, decryption and typed events.
#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations)]
