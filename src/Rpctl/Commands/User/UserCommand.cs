using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.User;

internal static class UserCommand
{
    public static Command Create(Invocation inv) =>
        new Command("user", CommandExtensions.Describe("Your account: balance, spend and SSH keys",
            "rpctl user info", "rpctl user ssh-key list")).With(
            UserInfoCommand.Create(inv),
            new Command("ssh-key", CommandExtensions.Describe("Manage the SSH public keys put into new pods",
                "rpctl user ssh-key list", "rpctl user ssh-key --help")).With(
                SshKeyListCommand.Create(inv),
                SshKeyAddCommand.Create(inv, "add", "Add an SSH public key (keeps the others; adding a key twice keeps one copy)", allowReplace: false),
                SshKeyRemoveCommand.Create(inv)),
            // The original rpctl's name, kept as an alias of 'ssh-key add' (it used to replace every key).
            SshKeyAddCommand.Create(inv, "set-ssh-key", "Alias of 'user ssh-key add'; --replace replaces all keys instead", allowReplace: true));
}
