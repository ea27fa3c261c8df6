-- wrk: POST /v2/pods with a small CPU pod body (the Authorization header comes from -H).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"wrk","image":"ubuntu:24.04","cpu":{"id":"cpu3c","vcpuCount":2}}'
