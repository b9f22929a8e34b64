Console.WriteLine("giftbot");
